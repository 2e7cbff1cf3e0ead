package io.hirebot.feishu.outbound;

import com.lark.oapi.core.httpclient.IHttpTransport;
import com.lark.oapi.core.request.RawRequest;
import com.lark.oapi.core.response.RawResponse;

/**
 * The SDK's HTTP transport, remembering the last response each worker thread received: when the SDK cannot parse
 * a body (a proxy's HTML 502 makes it throw {@code JsonSyntaxException}), the status and X-Tt-Logid are still here.
 * Each SDK call runs start to end on one worker thread, so a thread-local is exactly one call's response.
 */
public final class ResponseCapture implements IHttpTransport {
  private static final ThreadLocal<RawResponse> LAST = new ThreadLocal<>();
  private final IHttpTransport delegate;

  public ResponseCapture(IHttpTransport delegate) {
    this.delegate = delegate;
  }

  @Override
  public RawResponse execute(RawRequest request) throws Exception {
    // Cleared first: a request that throws must not leave the previous one's response (the token's) behind.
    LAST.remove();
    RawResponse response = delegate.execute(request);
    LAST.set(response);
    return response;
  }

  /** The response the current thread's last request got, or null if it got none; forgets it. */
  static RawResponse take() {
    RawResponse last = LAST.get();
    LAST.remove();
    return last;
  }

  /** Forgets what the current thread received, before a new call. */
  static void clear() {
    LAST.remove();
  }
}
