package io.marque.portal.server;

import java.util.List;

/** Placeholder until the CSV reader lands: same API. */
public final class ServerCsv {
    public record LineError(long line, String column, String messageKey) {
    }

    public record Result(List<NewServer> servers, List<LineError> errors) {
    }

    public static Result parse(byte[] csv) {
        throw new UnsupportedOperationException("not yet");
    }
}
