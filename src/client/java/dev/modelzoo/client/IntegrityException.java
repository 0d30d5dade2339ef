package dev.modelzoo.client;

/** Downloaded bytes whose sha256 is not the digest the registry published for them; nothing was kept. */
public class IntegrityException extends ClientException {

    private final String expected;
    private final String actual;

    public IntegrityException(String what, String expected, String actual) {
        super(what + ": sha256 " + actual + " does not match the published " + expected);
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
