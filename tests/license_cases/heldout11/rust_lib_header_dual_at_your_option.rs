//! `tsumiki` — a tiny arena allocator for short-lived parse trees.
//!
//! Copyright 2023 The tsumiki Developers.
//!
//! Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
//! http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
//! <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
//! option. This file may not be copied, modified, or distributed
//! except according to those terms.

#![no_std]
#![forbid(unsafe_op_in_unsafe_fn)]

pub mod arena;
pub mod handle;

pub use arena::Arena;
pub use handle::Handle;
