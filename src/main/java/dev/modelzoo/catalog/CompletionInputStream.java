package dev.modelzoo.catalog;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Runs an action once when the wrapped stream reaches its end, i.e. when a download completed. */
final class CompletionInputStream extends FilterInputStream {

    private final Runnable onCompletion;
    private boolean completed;

    CompletionInputStream(InputStream in, Runnable onCompletion) {
        super(in);
        this.onCompletion = onCompletion;
    }

    @Override
    public int read() throws IOException {
        return completeAt(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return completeAt(super.read(buffer, offset, length));
    }

    private int completeAt(int result) {
        if (result < 0 && !completed) {
            completed = true;
            onCompletion.run();
        }
        return result;
    }
}
