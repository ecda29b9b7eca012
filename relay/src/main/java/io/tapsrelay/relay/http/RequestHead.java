package io.tapsrelay.relay.http;

import java.util.Locale;
import java.util.Map;

/**
 * What the relay knows about a request before its body: method, the {@code :path} exactly as sent
 * (it is what peers sign), and the headers with lower-case names.
 *
 * @param method upper-case method
 * @param pathWithQuery the request target as sent, query included
 * @param headers lower-case header name to value (the first value when repeated)
 * @param pathParams values bound by the route pattern, already decoded and validated
 * @param remoteAddress the peer socket address, for logs
 */
public record RequestHead(
        String method,
        String pathWithQuery,
        Map<String, String> headers,
        Map<String, String> pathParams,
        String remoteAddress) {

    public RequestHead {
        headers = Map.copyOf(headers);
        pathParams = Map.copyOf(pathParams);
    }

    /** The header's value, or null; the name may be given in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The path without its query string. */
    public String path() {
        int q = pathWithQuery.indexOf('?');
        return q < 0 ? pathWithQuery : pathWithQuery.substring(0, q);
    }

    /** The {@code {groupId}} path parameter, or null when the route has none. */
    public String groupId() {
        return pathParams.get("groupId");
    }

    RequestHead withPathParams(Map<String, String> params) {
        return new RequestHead(method, pathWithQuery, headers, params, remoteAddress);
    }
}
