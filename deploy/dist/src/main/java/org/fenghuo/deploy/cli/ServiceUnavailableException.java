package org.fenghuo.deploy.cli;

/** Kafka or Elasticsearch could not be reached or started; the message says which and where. */
final class ServiceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    ServiceUnavailableException(String message) {
        super(message);
    }
}
