//! The bkp language server.
