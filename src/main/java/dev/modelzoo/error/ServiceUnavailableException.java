package dev.modelzoo.error;

import java.util.List;

/** A dependency (object storage, database) is down (503); nothing was committed. */
public class ServiceUnavailableException extends ModelZooException {

    public ServiceUnavailableException(String detail, Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail, List.of(), cause);
    }
}
