//! Which column of a spreadsheet, a card terminal's customer export or a till's sales export holds what: the header
//! names real exports use, in English and Chinese, case, spaces and punctuation set aside; `--map FIELD=HEADER`
//! overrides a guess.

use std::fmt;

use super::ImportError;
use crate::domain::text::quoted;

/// What a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    FirstName,
    LastName,
    Title,
    Greeting,
    Phone,
    Email,
    Birthday,
    Notes,
    Tags,
    Allergies,
    Preferences,
    OtherNames,
    // Kept in the notes, as "First visit: …": what a customer export says of a guest's past.
    FirstVisit,
    LastVisit,
    VisitCount,
    TotalSpend,
    // A sales export's line items.
    When,
    Date,
    Time,
    Item,
    Quantity,
    Ticket,
    Table,
    Customer,
    // A booking system's arrivals: how many are coming, and the room.
    Party,
    Room,
}

/// Every field, in the order a header is tried against them (a header names the first field it fits).
const FIELDS: [Field; 27] = [
    Field::Name,
    Field::FirstName,
    Field::LastName,
    Field::Title,
    Field::Greeting,
    Field::Phone,
    Field::Email,
    Field::Birthday,
    Field::Notes,
    Field::Tags,
    Field::Allergies,
    Field::Preferences,
    Field::OtherNames,
    Field::FirstVisit,
    Field::LastVisit,
    Field::VisitCount,
    Field::TotalSpend,
    Field::When,
    Field::Date,
    Field::Time,
    Field::Item,
    Field::Quantity,
    Field::Ticket,
    Field::Table,
    Field::Customer,
    Field::Party,
    Field::Room,
];

impl Field {
    /// The field's name, as `--map` takes it.
    pub fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::FirstName => "first_name",
            Self::LastName => "last_name",
            Self::Title => "title",
            Self::Greeting => "greeting",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Birthday => "birthday",
            Self::Notes => "notes",
            Self::Tags => "tags",
            Self::Allergies => "allergies",
            Self::Preferences => "preferences",
            Self::OtherNames => "other_names",
            Self::FirstVisit => "first_visit",
            Self::LastVisit => "last_visit",
            Self::VisitCount => "visit_count",
            Self::TotalSpend => "total_spend",
            Self::When => "when",
            Self::Date => "date",
            Self::Time => "time",
            Self::Item => "item",
            Self::Quantity => "quantity",
            Self::Ticket => "ticket",
            Self::Table => "table",
            Self::Customer => "customer",
            Self::Party => "party",
            Self::Room => "room",
        }
    }

    /// How the field is said in the notes it is kept in.
    pub fn said(self) -> &'static str {
        match self {
            Self::FirstVisit => "First visit",
            Self::LastVisit => "Last visit",
            Self::VisitCount => "Visits",
            Self::TotalSpend => "Total spend",
            other => other.key(),
        }
    }

    /// The headers that name the field, as `normalised` leaves them.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Self::Name => &[
                "name",
                "fullname",
                "guestname",
                "customername",
                "displayname",
                "contactname",
                "customer",
                "client",
                "clientname",
                "姓名",
                "客户姓名",
                "客戶姓名",
                "顾客姓名",
                "顧客姓名",
                "全名",
                "名字",
            ],
            Self::FirstName => &["firstname", "givenname", "first", "forename", "customerfirstname", "名"],
            Self::LastName => &["lastname", "familyname", "surname", "last", "customerlastname", "姓", "姓氏"],
            Self::Title => &["title", "nameprefix", "prefix", "honorific", "称谓", "稱謂"],
            Self::Greeting => &["greeting", "greetas", "salutation", "称呼", "稱呼"],
            Self::Phone => &[
                "phone",
                "phonenumber",
                "phone1value",
                "mobile",
                "mobilephone",
                "mobilenumber",
                "cell",
                "cellphone",
                "telephone",
                "tel",
                "primaryphone",
                "contactnumber",
                "customerphone",
                "customermobile",
                "guestphone",
                "电话",
                "電話",
                "手机",
                "手機",
                "手机号",
                "手机号码",
                "手機號碼",
                "联系电话",
                "聯絡電話",
            ],
            Self::Email => &[
                "email",
                "emailaddress",
                "email1value",
                "mail",
                "customeremail",
                "guestemail",
                "电子邮件",
                "電子郵件",
                "邮箱",
                "郵箱",
                "电邮",
                "電郵",
            ],
            Self::Birthday => &["birthday", "dateofbirth", "dob", "birthdate", "生日", "出生日期"],
            Self::Notes => &[
                "notes",
                "note",
                "memo",
                "guestnotes",
                "customernotes",
                "comments",
                "comment",
                "specialrequests",
                "requests",
                "remarks",
                "备注",
                "備註",
                "附注",
                "特殊要求",
            ],
            Self::Tags => &[
                "tags",
                "tag",
                "groups",
                "group",
                "labels",
                "label",
                "groupmembership",
                "segments",
                "segment",
                "标签",
                "標籤",
                "分组",
                "分組",
            ],
            Self::Allergies => {
                &["allergies", "allergy", "allergens", "dietaryrestrictions", "dietary", "过敏", "過敏", "忌口"]
            }
            Self::Preferences => &["preferences", "preference", "偏好", "喜好"],
            Self::OtherNames => &["othernames", "nickname", "aka", "别名", "別名"],
            Self::FirstVisit => &["firstvisit", "firstseen", "customersince", "firstvisitdate", "首次到访", "首次到訪"],
            Self::LastVisit => &["lastvisit", "lastseen", "lastvisitdate", "最近到访", "最近到訪"],
            Self::VisitCount => &[
                "visitcount",
                "visits",
                "totalvisits",
                "numberofvisits",
                "transactioncount",
                "transactions",
                "到访次数",
                "到訪次數",
                "消费次数",
                "消費次數",
            ],
            Self::TotalSpend => {
                &["totalspend", "totalspent", "lifetimespend", "totalsales", "消费总额", "消費總額", "总消费", "總消費"]
            }
            Self::When => &[
                "datetime",
                "timestamp",
                "createdat",
                "orderedat",
                "closedat",
                "reservedfor",
                "下单时间",
                "下單時間",
                "预订时间",
                "預訂時間",
            ],
            Self::Date => &[
                "date",
                "orderdate",
                "transactiondate",
                "saledate",
                "arrival",
                "arrivaldate",
                "checkin",
                "checkindate",
                "reservationdate",
                "bookingdate",
                "日期",
                "到店日期",
                "入住日期",
            ],
            Self::Time => &[
                "time",
                "ordertime",
                "transactiontime",
                "arrivaltime",
                "reservationtime",
                "bookingtime",
                "时间",
                "時間",
                "到店时间",
                "到店時間",
            ],
            Self::Item => {
                &["item", "itemname", "product", "productname", "menuitem", "dish", "商品", "品名", "菜品", "菜名"]
            }
            Self::Quantity => &["qty", "quantity", "数量", "數量"],
            Self::Ticket => &[
                "ticket",
                "ticketid",
                "ticketnumber",
                "receipt",
                "receiptid",
                "receiptnumber",
                "orderid",
                "ordernumber",
                "transactionid",
                "check",
                "checknumber",
                "bill",
                "单号",
                "單號",
                "订单号",
                "訂單號",
                "小票号",
            ],
            Self::Table => &["table", "tablenumber", "seat", "桌号", "桌號", "座位"],
            Self::Customer => &["customerid", "clientid", "memberid", "会员号", "會員號", "客户编号", "客戶編號"],
            Self::Party => &[
                "party",
                "partysize",
                "pax",
                "covers",
                "guests",
                "people",
                "persons",
                "adults",
                "人数",
                "人數",
                "位数",
                "位數",
            ],
            Self::Room => &["room", "roomnumber", "roomno", "房号", "房號", "房间", "房間", "房间号", "房間號"],
        }
    }

    /// Whether the field is one of a sales export's line items (else of a guest list).
    pub fn of_orders(self) -> bool {
        matches!(
            self,
            Self::When
                | Self::Date
                | Self::Time
                | Self::Item
                | Self::Quantity
                | Self::Ticket
                | Self::Table
                | Self::Customer
        )
    }

    /// Whether the field is one of a booking's only (how many are coming, the room): not read in a guest list.
    pub fn of_arrivals(self) -> bool {
        matches!(self, Self::Party | Self::Room)
    }

    /// Whether the field says who a customer is: read in a guest list and in a sales export alike.
    pub fn names_a_customer(self) -> bool {
        matches!(self, Self::Name | Self::FirstName | Self::LastName | Self::Phone | Self::Email)
    }

    fn from_key(key: &str) -> Option<Self> {
        FIELDS.into_iter().find(|field| field.key() == key.trim().to_lowercase().replace([' ', '-'], "_"))
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A header as it is compared: lower case, without spaces and punctuation ("E-mail 1 - Value" is `email1value`,
/// "Full name" is `fullname`), a byte-order mark left by a spreadsheet dropped.
fn normalised(header: &str) -> String {
    header.trim_start_matches('\u{feff}').chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Which column holds which field, and what the other columns are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// The field each column fills, by column.
    pub columns: Vec<Option<Field>>,
    /// The headers, as the file has them.
    pub headers: Vec<String>,
}

impl Mapping {
    /// Works out the mapping of `headers`, each `--map FIELD=HEADER` in `map` first. A field two columns fit is
    /// the first one's; a `--map` naming a field or a header that is not there is refused.
    pub fn of(headers: &[String], map: &[String]) -> Result<Self, ImportError> {
        let mut columns: Vec<Option<Field>> = vec![None; headers.len()];
        let mut taken = Vec::new();
        for given in map {
            let (field, header) = given.split_once('=').ok_or_else(|| {
                ImportError::new(
                    0,
                    None,
                    format!("--map {}: use FIELD=HEADER, as --map phone=\"Mobile 2\"", quoted(given)),
                )
            })?;
            let field = Field::from_key(field).ok_or_else(|| {
                let known: Vec<&str> = FIELDS.iter().map(|f| f.key()).collect();
                ImportError::new(
                    0,
                    None,
                    format!("--map: no field {}; the fields are {}", quoted(field), known.join(", ")),
                )
            })?;
            let at = headers
                .iter()
                .position(|h| h.trim() == header.trim())
                .or_else(|| headers.iter().position(|h| normalised(h) == normalised(header)))
                .ok_or_else(|| {
                    ImportError::new(1, None, format!("--map {field}: no column {} in the header row", quoted(header)))
                })?;
            columns[at] = Some(field);
            taken.push(field);
        }
        for (at, header) in headers.iter().enumerate() {
            if columns[at].is_some() {
                continue;
            }
            let header = normalised(header);
            let field = FIELDS.into_iter().find(|field| field.headers().contains(&header.as_str()));
            if let Some(field) = field.filter(|field| !taken.contains(field)) {
                columns[at] = Some(field);
                taken.push(field);
            }
        }
        Ok(Self { columns, headers: headers.to_vec() })
    }

    /// Forgets the fields `used` says no: their columns are the file's other columns (warned about, or kept with
    /// `--keep-other-columns`), not dropped unseen.
    pub fn only(&mut self, used: impl Fn(Field) -> bool) {
        for column in &mut self.columns {
            if column.is_some_and(|field| !used(field)) {
                *column = None;
            }
        }
    }

    /// The column that holds `field`, if one does.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|&f| f == Some(field))
    }

    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    /// The headers of the columns no field was found for.
    pub fn unknown(&self) -> impl Iterator<Item = (usize, &str)> {
        self.columns.iter().enumerate().filter(|(_, f)| f.is_none()).map(|(i, _)| (i, self.headers[i].as_str()))
    }

    /// "name ← 姓名, phone ← 手机", for a dry run.
    pub fn described(&self) -> String {
        let found: Vec<String> = self
            .columns
            .iter()
            .zip(&self.headers)
            .filter_map(|(field, header)| field.map(|field| format!("{field} ← {}", quoted(header))))
            .collect();
        found.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(headers: &[&str]) -> Vec<Option<Field>> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        Mapping::of(&headers, &[]).unwrap().columns
    }

    #[test]
    fn headers_of_real_exports_are_recognised_in_english_and_chinese() {
        use Field::*;
        assert_eq!(
            mapped(&["First Name", "Last Name", "Email Address", "Phone Number", "Birthday", "Memo", "Groups"]),
            [FirstName, LastName, Email, Phone, Birthday, Notes, Tags].map(Some)
        );
        assert_eq!(
            mapped(&[
                "Name",
                "Given Name",
                "E-mail 1 - Value",
                "Phone 1 - Value",
                "Group Membership",
                "Phone 2 - Value"
            ]),
            [Some(Name), Some(FirstName), Some(Email), Some(Phone), Some(Tags), None]
        );
        assert_eq!(
            mapped(&["姓名", "手机", "邮箱", "生日", "备注", "过敏"]),
            [Name, Phone, Email, Birthday, Notes, Allergies].map(Some)
        );
        assert_eq!(mapped(&["姓", "名", "手機", "電郵", "備註"]), [LastName, FirstName, Phone, Email, Notes].map(Some));
        assert_eq!(mapped(&["\u{feff}Full Name", "DOB", "Loyalty Tier"]), [Some(Name), Some(Birthday), None]);
    }

    #[test]
    fn a_map_overrides_the_guess_and_a_wrong_one_is_refused() {
        let headers: Vec<String> = ["Name", "Mobile", "Mobile 2"].iter().map(|h| (*h).to_owned()).collect();
        let mapping = Mapping::of(&headers, &["phone=Mobile 2".to_owned()]).unwrap();
        assert_eq!(mapping.column(Field::Phone), Some(2));
        assert!(Mapping::of(&headers, &["fone=Mobile".to_owned()]).unwrap_err().problem.contains("no field"));
        assert!(Mapping::of(&headers, &["phone=Pager".to_owned()]).unwrap_err().problem.contains("no column"));
    }
}
