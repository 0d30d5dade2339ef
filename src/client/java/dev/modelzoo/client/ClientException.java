package dev.modelzoo.client;

/** Anything that kept a client call from getting its answer: the server unreachable, a broken transfer, ... */
public class ClientException extends RuntimeException {

    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }

    public ClientException(String message) {
        super(message);
    }
}
