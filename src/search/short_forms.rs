//! English first names as people give them at a desk and as a booking has them: "Bob" is Robert, "Liz" Elizabeth.
//! A query's word that is a short form also finds the full names, ranked below a guest whose name is the short form
//! itself.

/// Each short form with the full names it stands for.
const SHORT_FORMS: &[(&str, &[&str])] = &[
    ("abby", &["abigail"]),
    ("alex", &["alexander", "alexandra"]),
    ("andy", &["andrew"]),
    ("becky", &["rebecca"]),
    ("ben", &["benjamin"]),
    ("beth", &["elizabeth"]),
    ("betty", &["elizabeth"]),
    ("bill", &["william"]),
    ("billy", &["william"]),
    ("bob", &["robert"]),
    ("bobby", &["robert"]),
    ("cathy", &["catherine", "cathryn"]),
    ("charlie", &["charles"]),
    ("chris", &["christopher", "christine", "christina"]),
    ("chuck", &["charles"]),
    ("dan", &["daniel"]),
    ("danny", &["daniel"]),
    ("dave", &["david"]),
    ("debbie", &["deborah"]),
    ("dick", &["richard"]),
    ("don", &["donald"]),
    ("drew", &["andrew"]),
    ("ed", &["edward"]),
    ("eddie", &["edward"]),
    ("fred", &["frederick"]),
    ("greg", &["gregory"]),
    ("harry", &["henry", "harold"]),
    ("jack", &["john"]),
    ("jamie", &["james"]),
    ("jeff", &["jeffrey"]),
    ("jen", &["jennifer"]),
    ("jenny", &["jennifer"]),
    ("jim", &["james"]),
    ("jimmy", &["james"]),
    ("joe", &["joseph"]),
    ("joey", &["joseph"]),
    ("josh", &["joshua"]),
    ("kate", &["katherine", "catherine", "kathryn"]),
    ("kathy", &["katherine", "kathryn"]),
    ("katie", &["katherine", "catherine", "kathryn"]),
    ("ken", &["kenneth"]),
    ("larry", &["lawrence"]),
    ("liz", &["elizabeth"]),
    ("lizzie", &["elizabeth"]),
    ("maggie", &["margaret"]),
    ("mandy", &["amanda"]),
    ("matt", &["matthew"]),
    ("meg", &["margaret"]),
    ("mick", &["michael"]),
    ("mike", &["michael"]),
    ("nate", &["nathan", "nathaniel"]),
    ("nick", &["nicholas"]),
    ("pat", &["patrick", "patricia"]),
    ("peggy", &["margaret"]),
    ("pete", &["peter"]),
    ("phil", &["philip", "phillip"]),
    ("ray", &["raymond"]),
    ("rich", &["richard"]),
    ("rick", &["richard"]),
    ("rob", &["robert"]),
    ("robbie", &["robert"]),
    ("ron", &["ronald"]),
    ("sam", &["samuel", "samantha"]),
    ("sandy", &["sandra"]),
    ("steve", &["steven", "stephen"]),
    ("sue", &["susan"]),
    ("susie", &["susan"]),
    ("ted", &["edward", "theodore"]),
    ("tim", &["timothy"]),
    ("tom", &["thomas"]),
    ("tommy", &["thomas"]),
    ("tony", &["anthony"]),
    ("vicky", &["victoria"]),
    ("will", &["william"]),
    ("zach", &["zachary"]),
];

/// The full names `word` (any case) is a short form of; none for a word that is not one.
pub fn full_forms(word: &str) -> &'static [&'static str] {
    let word = word.to_lowercase();
    SHORT_FORMS.binary_search_by(|(short, _)| (*short).cmp(word.as_str())).map_or(&[], |i| SHORT_FORMS[i].1)
}

/// The query with each short form in turn replaced by each of its full names: the other queries it stands for.
pub fn expanded(query: &str) -> Vec<String> {
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut queries = Vec::new();
    for (i, word) in words.iter().enumerate() {
        for full in full_forms(word) {
            let mut other = words.clone();
            other[i] = full;
            queries.push(other.join(" "));
        }
    }
    queries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_stand_for_their_full_names() {
        assert!(SHORT_FORMS.windows(2).all(|w| w[0].0 < w[1].0), "sorted, for the binary search");
        assert_eq!(full_forms("Bob"), ["robert"]);
        assert_eq!(expanded("bob murphy"), ["robert murphy"]);
        assert_eq!(expanded("liz"), ["elizabeth"]);
        assert!(expanded("jon smith").is_empty());
    }
}
