/*
 * Licensed to the Apache Software Foundation (ASF) under one
 * or more contributor license agreements.  See the NOTICE file
 * distributed with this work for additional information
 * regarding copyright ownership.  The ASF licenses this file
 * to you under the Apache License, Version 2.0 (the
 * "License"); you may not use this file except in compliance
 * with the License.  You may obtain a copy of the License at
 *
 *   http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an
 * "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
 * KIND, either express or implied.  See the License for the
 * specific language governing permissions and limitations
 * under the License.
 */
package org.example.quarry.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** Reads length-prefixed records from a channel; one buffer is reused for all reads. */
public final class RecordReader implements AutoCloseable {
    private final ReadableByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(4);

    public RecordReader(ReadableByteChannel channel) {
        this.channel = channel;
    }

    /** Returns the next record, or null at the end of the stream. */
    public byte[] next() throws IOException {
        header.clear();
        if (channel.read(header) < 4) {
            return null;
        }
        header.flip();
        ByteBuffer body = ByteBuffer.allocate(header.getInt());
        while (body.hasRemaining() && channel.read(body) >= 0) { }
        return body.array();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
