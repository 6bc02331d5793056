//===----------------------------------------------------------------------===//
//
// This source file is part of the SwiftTextKit open source project
//
// Copyright (c) 2024 the SwiftTextKit project authors
// Licensed under Apache License v2.0 with Runtime Library Exception
//
// See https://swift.org/LICENSE.txt for license information
// See CONTRIBUTORS.txt for the list of SwiftTextKit project authors
//
//===----------------------------------------------------------------------===//

import Foundation

/// Splits a string into grapheme-aware tokens.
public struct GraphemeTokenizer {
    public init() {}

    public func tokens(in text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace })
    }
}
