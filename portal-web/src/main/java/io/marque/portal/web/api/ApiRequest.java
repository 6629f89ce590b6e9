package io.marque.portal.web.api;

import io.marque.portal.api.ApiCaller;
import io.marque.portal.identity.Actor;
import jakarta.enterprise.context.RequestScoped;

/** The key that made this request, as the authenticator found it. */
@RequestScoped
public class ApiRequest {

    private ApiCaller caller;

    void set(ApiCaller caller) {
        this.caller = caller;
    }

    public ApiCaller caller() {
        if (caller == null) {
            throw new IllegalStateException("No API key on this request");
        }
        return caller;
    }

    public Actor actor() {
        return caller().actor();
    }
}
