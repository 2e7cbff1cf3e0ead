package io.hirebot.sandbox;

import static io.hirebot.sandbox.HireApplicationRoutes.V1;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.HireData;
import io.hirebot.sandbox.hire.HireJson;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Offers of Hire v1: list by talent, get, and the offer_status update that fires hire.offer.status_changed_v1. */
final class HireOfferRoutes {

  /** Docs hire-v1/offer/get: "接口频率限制 20 次/秒" (the list by talent is 1000/min & 50/s, see RateLimiter). */
  static final int OFFER_GET_RATE = 20;
  private static final int SENT = 6;
  private static final int DECLINED = 8;

  private final HireTenant hire;

  HireOfferRoutes(HireTenant hire) {
    this.hire = hire;
  }

  void install(Api api) {
    api.get(V1 + "/offers", Api.DEFAULT_RATE, ctx -> {
      int size = Paging.pageSize(ctx, 10, 100);
      String talentId = HireParams.required(ctx, "talent_id");
      return hire.read(d -> {
        HirePeopleRoutes.talent(d, talentId);
        return Paging.page(ctx, d.offers.values().stream().filter(o -> o.talentId().equals(talentId)).toList(), size,
            o -> HireJson.offerListItem(d, o));
      });
    });
    api.get(V1 + "/offers/:offer_id", OFFER_GET_RATE, ctx -> hire.read(d ->
        new JsonObject().put("offer", HireJson.applicationOffer(d, offer(d, ctx)).put("offer_type", offer(d, ctx).offerType()))));
    api.data(HttpMethod.PATCH, V1 + "/offers/:offer_id/offer_status", Api.DEFAULT_RATE, this::updateStatus);
    api.get(V1 + "/evaluations", Api.DEFAULT_RATE, ctx -> {
      int size = Paging.pageSize(ctx, 10, 100);
      String applicationId = HireParams.optional(ctx, "application_id");
      return hire.read(d -> Paging.page(ctx, d.evaluations.values().stream()
          .filter(e -> applicationId == null || e.applicationId().equals(applicationId)).toList(), size, HireJson::evaluation));
    });
  }

  private JsonObject updateStatus(RoutingContext ctx) {
    JsonObject body = Api.jsonBody(ctx, 1002002);
    Integer status = body.getValue("offer_status") instanceof Number n ? n.intValue() : null;
    if (status == null || status < 2 || status > 10) {
      throw ApiError.hireParam("offer_status must be one of 2..10");
    }
    if (status == SENT && body.getString("expiration_date") == null) {
      throw ApiError.hireParam("expiration_date is required when the offer is sent");
    }
    JsonArray reasons = body.getJsonArray("termination_reason_id_list");
    if (status == DECLINED && (reasons == null || reasons.isEmpty())) {
      throw ApiError.hireParam("termination_reason_id_list is required when the candidate declined");
    }
    hire.read(d -> {
      Offer o = offer(d, ctx);
      Application a = d.applications.get(o.applicationId());
      int stageType = HireApplicationRoutes.stageOf(d, a).type();
      if (stageType == Stage.PENDING_ONBOARD || stageType == Stage.ONBOARDED) {
        throw ApiError.hireParam("the application is already pending onboarding; the offer status cannot change");
      }
      return o;
    });
    // Through the tenant's mutator, which also fires hire.offer.status_changed_v1.
    hire.setOfferStatus(ctx.pathParam("offer_id"), status);
    return new JsonObject();
  }

  private static Offer offer(HireData d, RoutingContext ctx) {
    Offer o = d.offers.get(ctx.pathParam("offer_id"));
    if (o == null) {
      throw ApiError.hireParam("offer does not exist");
    }
    return o;
  }
}
