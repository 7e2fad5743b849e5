package io.dailies.provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A file to send to the provider (a reference image, a character clip, a batch's JSONL): a name, a
 * media type and content that can be read again, because a retried request sends it again.
 */
public final class Upload {

    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    private final String filename;
    private final String contentType;
    private final long length;
    private final Content content;

    private Upload(String filename, String contentType, long length, Content content) {
        this.filename = Objects.requireNonNull(filename, "filename");
        if (filename.isBlank()) {
            throw new IllegalArgumentException("an upload needs a file name");
        }
        this.contentType = contentType == null ? contentTypeOf(filename) : contentType;
        this.length = length;
        this.content = content;
    }

    /** A file on disk, under its own name; the media type follows its extension. */
    public static Upload of(Path file) {
        return of(file, null);
    }

    public static Upload of(Path file, String contentType) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Not a file: " + file);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        return new Upload(file.getFileName().toString(), contentType, size, () -> Files.newInputStream(file));
    }

    /** Bytes in memory under the given file name; the media type follows its extension. */
    public static Upload of(String filename, byte[] bytes) {
        return of(filename, null, bytes);
    }

    public static Upload of(String filename, String contentType, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new Upload(filename, contentType, copy.length, () -> new ByteArrayInputStream(copy));
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    /** Size in bytes, -1 if unknown. */
    public long length() {
        return length;
    }

    /** A fresh stream over the content; the caller closes it. */
    public InputStream open() throws IOException {
        return content.open();
    }

    /** The media type a provider expects for a file of this name. */
    static String contentTypeOf(String filename) {
        String name = filename.toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "webp" -> "image/webp";
            case "gif" -> "image/gif";
            case "mp4" -> "video/mp4";
            case "mov" -> "video/quicktime";
            case "webm" -> "video/webm";
            case "jsonl" -> "application/jsonl";
            case "json" -> "application/json";
            case "txt" -> "text/plain";
            default -> "application/octet-stream";
        };
    }

    @Override
    public String toString() {
        return "Upload[" + filename + ", " + contentType + (length >= 0 ? ", " + length + " bytes" : "") + "]";
    }
}
