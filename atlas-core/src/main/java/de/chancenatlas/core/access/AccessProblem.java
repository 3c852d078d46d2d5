package de.chancenatlas.core.access;

/** A request about users, rights or publication that cannot be carried out; nothing was changed. */
public class AccessProblem extends RuntimeException {
    public enum Kind { FORBIDDEN, NOT_FOUND, INVALID, CONFLICT }

    private final Kind kind;

    public AccessProblem(Kind kind, String germanAndEnglish) {
        super(germanAndEnglish);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static AccessProblem forbidden() {
        return new AccessProblem(Kind.FORBIDDEN, "Keine Berechtigung für diese Aktion / not permitted");
    }
}
