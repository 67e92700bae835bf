-- A role for the desks of one PostgreSQL guest book: it reads and writes guests, visits, recoveries and
-- heads-ups, and nothing else; it cannot make, change or drop tables. The book's owner (the role that opened it
-- first, which made its tables) runs this once per book, in the book's database, and again after an upgrade
-- of regulars has added tables. Give the password with \password regulars_desk, never on a command line.
CREATE ROLE regulars_desk LOGIN;
-- PostgreSQL 14 and older let every role make tables in public; 15 and newer do not.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE regulars TO regulars_desk;
GRANT USAGE ON SCHEMA public TO regulars_desk;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO regulars_desk;
REVOKE INSERT, UPDATE, DELETE ON regulars_schema FROM regulars_desk;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO regulars_desk;
