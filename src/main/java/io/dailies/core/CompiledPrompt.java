package io.dailies.core;

/** A prompt ready to send, with the hash that identifies it and the compiler version that made it. */
public record CompiledPrompt(String text, String hash, String compilerVersion) {
}
