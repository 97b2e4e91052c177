package cc.chitty.connect.hub.chittyos;

import cc.chitty.connect.hub.capability.CapabilityRouteConfiguration;
import cc.chitty.connect.hub.upstream.UpstreamCall;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:chittyid.validate}: the local format and checksum check first, then the cache, and only then the
 * service, whose answer is cached. Java, not YAML, because of the early answers.
 */
@Component
class ChittyIdValidateRoute extends RouteBuilder {

    private final ChittyIdValidations validations;

    ChittyIdValidateRoute(ChittyIdValidations validations) {
        this.validations = validations;
    }

    @Override
    public void configure() {
        from("direct:chittyid.validate")
                .routeId("chittyid.validate")
                .routeConfigurationId(CapabilityRouteConfiguration.ID)
                .to("json-validator:{{hub.routes.location}}/schemas/chittyid.validate.json")
                .process(validations::answerLocally)
                .filter(exchangeProperty(ChittyIdValidations.ANSWERED).isNull())
                    .setProperty(UpstreamCall.METHOD, constant("POST"))
                    .setProperty(UpstreamCall.PATH, constant("/v1/validate"))
                    .to("direct:upstream.chittyid")
                    .process(validations::remember)
                .end();
    }
}
