//! Errors of reading inputs and data.

use std::path::PathBuf;

/// What can go wrong outside extraction itself (extraction never fails).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The input is not UTF-8.
    #[error("{path}: not UTF-8: invalid byte sequence at byte {offset}")]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first bad sequence.
        offset: usize,
    },
    /// The input holds NUL bytes: a binary file, not text.
    #[error("{path}: not text: a NUL byte at byte {offset}")]
    Binary {
        /// The input.
        path: PathBuf,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The input is larger than allowed.
    #[error("{path}: {size} bytes, larger than the limit of {limit}")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A gold record or data file could not be parsed.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the place.
        message: String,
    },
}
