//! Support for checking that lambda-model can stand in for aws-sdk-lambda:
//! the name table reader. The ports of SDK-using code are this crate's tests.

pub mod name_table;
