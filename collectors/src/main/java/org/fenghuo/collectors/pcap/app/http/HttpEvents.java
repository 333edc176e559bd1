package org.fenghuo.collectors.pcap.app.http;

import java.util.List;
import java.util.Locale;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.events.SecurityEvent;

/** Builds the one event of a request/response pair. */
final class HttpEvents {
    private static final List<String> CATEGORY = List.of("network", "web");
    private static final List<String> TYPE = List.of("protocol", "access");

    private HttpEvents() {
    }

    /**
     * @param request  null for a response whose request was not seen (capture started mid-flow)
     * @param status   null for a request without a response
     * @param response the response head, null with {@code status}
     * @param responseBody the response's body framing, null when it has none
     */
    static AppEvent of(long timestampNanos, Request request, StatusLine status, Head response,
                       BodyReader responseBody) {
        String action = request == null ? "http-response" : "http-request";
        String version = request != null ? request.line.version() : status.version();
        Long responseBytes = null;
        String mime = null;
        if (response != null) {
            mime = mimeType(response.field("content-type"));
            if (responseBody != null) {
                try {
                    responseBytes = Framing.contentLength(response); // the body comes after the event
                } catch (Framing.BadFraming e) {
                    responseBytes = null;
                }
            }
        }
        SecurityEvent.Http http = new SecurityEvent.Http(version, request == null ? null : request.line.method(),
                request == null ? null : request.referrer, request == null ? null : request.bodyBytes(),
                status == null ? null : status.code(), responseBytes, mime);
        SecurityEvent.Url url = request == null ? null : Urls.of(request.line, request.host);
        String outcome = status == null ? "unknown" : status.code() < 400 ? "success" : "failure";
        return AppEvent.of(timestampNanos, "http", action).withCategory(CATEGORY, TYPE).withOutcome(outcome)
                .withHttp(http, url, request == null ? null : request.userAgent);
    }

    /** "text/html" of "text/html; charset=UTF-8". */
    static String mimeType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }
}
