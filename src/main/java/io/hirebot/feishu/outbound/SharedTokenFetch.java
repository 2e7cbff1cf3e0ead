package io.hirebot.feishu.outbound;

import com.lark.oapi.core.Constants;
import com.lark.oapi.core.httpclient.IHttpTransport;
import com.lark.oapi.core.request.RawRequest;
import com.lark.oapi.core.response.RawResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * The SDK's HTTP transport with at most one tenant-token request in flight (the SDK's own token path,
 * {@link Constants#TENANT_ACCESS_TOKEN_INTERNAL_URL_PATH}): the SDK fetches a token for every call
 * that finds none cached, so the calls of a cold start (the identity call and the scope self-check's first wave,
 * seven at once) each made a token request, and the calls under way when a token expires would each make one again.
 * A token request made while another is in flight waits for that one and gets its answer, failure included (the
 * next call then asks again); each SDK call runs on a worker thread, never an event loop, so waiting is allowed, and
 * the request it waits for is bounded by the HTTP client's call timeout.
 */
public final class SharedTokenFetch implements IHttpTransport {
  private final IHttpTransport delegate;
  /** The token request in flight, by URL (one client talks for one app). */
  private final ConcurrentMap<String, CompletableFuture<RawResponse>> inFlight = new ConcurrentHashMap<>();

  public SharedTokenFetch(IHttpTransport delegate) {
    this.delegate = delegate;
  }

  @Override
  public RawResponse execute(RawRequest request) throws Exception {
    String url = request.getReqUrl();
    if (url == null || !url.endsWith(Constants.TENANT_ACCESS_TOKEN_INTERNAL_URL_PATH)) {
      return delegate.execute(request);
    }
    CompletableFuture<RawResponse> mine = new CompletableFuture<>();
    CompletableFuture<RawResponse> running = inFlight.putIfAbsent(url, mine);
    if (running != null) {
      return joined(running);
    }
    try {
      RawResponse response = delegate.execute(request);
      mine.complete(response);
      return response;
    } catch (Exception | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(url, mine);
    }
  }

  /** The answer of the request in flight; its exception as it was thrown (a timeout stays a timeout). */
  private static RawResponse joined(CompletableFuture<RawResponse> running) throws Exception {
    try {
      return running.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
