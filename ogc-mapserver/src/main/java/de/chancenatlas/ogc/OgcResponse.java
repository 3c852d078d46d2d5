package de.chancenatlas.ogc;

/** What goes back to the client: HTTP status, content type, body. */
public record OgcResponse(int status, String contentType, byte[] body) { }
