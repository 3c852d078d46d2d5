package de.chancenatlas.reports;

/** A finished report: its bytes, content type and a file name for downloads. */
public record Rendered(byte[] body, String contentType, String fileName) { }
