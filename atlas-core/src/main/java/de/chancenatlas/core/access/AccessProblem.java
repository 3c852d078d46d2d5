package de.chancenatlas.core.access;

/** A request about users, rights or publication that cannot be carried out; nothing was changed. */
public class AccessProblem extends RuntimeException {
    public enum Kind { FORBIDDEN, NOT_FOUND, INVALID, CONFLICT }

    private final Kind kind;
    private final String field;

    public AccessProblem(Kind kind, String germanAndEnglish) {
        this(kind, germanAndEnglish, null);
    }

    /** @param field the request field at fault (the admin console shows the message beside it), or null */
    public AccessProblem(Kind kind, String germanAndEnglish, String field) {
        super(germanAndEnglish);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public static AccessProblem forbidden() {
        return new AccessProblem(Kind.FORBIDDEN, "Keine Berechtigung für diese Aktion / not permitted");
    }
}
