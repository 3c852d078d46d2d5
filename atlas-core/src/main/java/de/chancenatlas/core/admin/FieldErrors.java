package de.chancenatlas.core.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A form refused as a whole: one German/English message per field that is wrong, so that the admin
 * console shows each beside its field. Nothing was saved. Collect with {@link #add}, then {@link #throwIfAny}.
 */
public final class FieldErrors extends RuntimeException {
    public record FieldError(String field, String message) { }

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors() {
        super("Eingaben prüfen, nichts wurde gespeichert / check the input, nothing was saved");
    }

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw this;
        }
    }
}
