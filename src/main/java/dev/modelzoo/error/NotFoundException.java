package dev.modelzoo.error;

/** A named thing (model, version, dataset, job, user, token) does not exist. */
public class NotFoundException extends ModelZooException {

    private final String kind;
    private final String identifier;

    public NotFoundException(String kind, String identifier) {
        super(ProblemType.NOT_FOUND, kind + " '" + identifier + "' does not exist");
        this.kind = kind;
        this.identifier = identifier;
    }

    public String kind() {
        return kind;
    }

    public String identifier() {
        return identifier;
    }
}
