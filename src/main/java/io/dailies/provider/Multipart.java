package io.dailies.provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A multipart/form-data body (RFC 7578) written as a stream, so a large file is never held in memory.
 * Written by hand rather than with JAX-RS EntityPart: EntityPart needs RESTEasy's multipart provider,
 * which the server has but a plain client (tests, tools) does not; this body works on any JAX-RS client.
 */
final class Multipart {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};

    private record Part(String name, String text, Upload file) {
    }

    private final String boundary;
    private final List<Part> parts = new ArrayList<>();

    Multipart() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        this.boundary = "dailies-" + HexFormat.of().formatHex(b);
    }

    Multipart field(String name, String value) {
        parts.add(new Part(name, value, null));
        return this;
    }

    Multipart file(String name, Upload upload) {
        parts.add(new Part(name, null, upload));
        return this;
    }

    String boundary() {
        return boundary;
    }

    /** The Content-Type header of the body. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** A fresh stream over the whole body; files are read as the stream reaches them. */
    InputStream open() throws IOException {
        List<InputStream> pieces = new ArrayList<>();
        try {
            for (Part p : parts) {
                StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(escape(p.name())).append('"');
                if (p.file() == null) {
                    head.append("\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(p.text()).append("\r\n");
                    pieces.add(bytes(head.toString()));
                } else {
                    head.append("; filename=\"").append(escape(p.file().filename())).append("\"\r\n")
                            .append("Content-Type: ").append(p.file().contentType()).append("\r\n\r\n");
                    pieces.add(bytes(head.toString()));
                    pieces.add(p.file().open());
                    pieces.add(new ByteArrayInputStream(CRLF));
                }
            }
        } catch (IOException | RuntimeException e) {
            for (InputStream in : pieces) {
                in.close();
            }
            throw e;
        }
        pieces.add(bytes("--" + boundary + "--\r\n"));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    /** Quotes, CR and LF in a name or file name are percent-encoded, as browsers do (HTML's form encoding). */
    static String escape(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
