package dev.modelzoo.storage;

/** The object store has no object under the key; a catalog row pointing there is an inconsistency. */
public class NoSuchObjectException extends RuntimeException {

    public NoSuchObjectException(String key) {
        super("No object stored under '" + key + "'");
    }
}
