package io.marque.portal.web.security;

import io.marque.portal.web.filter.SecurityHeaders;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import java.io.Writer;
import java.util.Iterator;

/**
 * Gives every {@code <script>} element a page renders the request's nonce, so the content security policy
 * can allow exactly the page's own inline scripts without {@code 'unsafe-inline'}. The nonce is the one
 * {@code TenantFilter} put in the policy header ({@link SecurityHeaders#NONCE}), new for each request.
 *
 * <p>Why not PrimeFaces' own CSP mode ({@code primefaces.CSP}): on a postback it takes the nonce back from
 * a {@code primefaces.nonce} form field that only PrimeFaces' {@code core.js} adds, and no page loads
 * {@code core.js} (the views use no PrimeFaces component). A postback that renders a page, as a refusal
 * does, would then fail with "Missing CSP nonce" (a stateless view) or "CSP nonce mismatch" (a view-scoped
 * one). It also adds a second {@code Content-Security-Policy} header to the one every response carries.
 * Here the nonce never comes from the client.
 *
 * <p>Only elements written through the response writer get it: PrimeFaces' head scripts, and Mojarra's
 * scripts if a view ever uses a component that writes one. Markup typed into a Facelets file is copied
 * as text and gets none, which is why our own scripts are files ({@code <script src="/…js">}, allowed by
 * {@code 'self'}). Event attributes ({@code onclick=…}) are never allowed: no view may use them.
 */
public class NonceRenderKitFactory extends RenderKitFactory {

    public NonceRenderKitFactory(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
        return kit == null ? null : new NonceRenderKit(kit);
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    private static final class NonceRenderKit extends RenderKitWrapper {

        NonceRenderKit(RenderKit wrapped) {
            super(wrapped);
        }

        @Override
        public ResponseWriter createResponseWriter(Writer writer, String contentTypeList, String characterEncoding) {
            ResponseWriter created = getWrapped().createResponseWriter(writer, contentTypeList, characterEncoding);
            FacesContext context = FacesContext.getCurrentInstance();
            Object nonce = context == null ? null : context.getExternalContext().getRequestMap().get(SecurityHeaders.NONCE);
            return nonce instanceof String value ? new ScriptNonceWriter(created, value) : created;
        }
    }

    /** Writes {@code nonce="…"} as the first attribute of every {@code script} element. */
    static final class ScriptNonceWriter extends ResponseWriterWrapper {

        private final String nonce;
        /** The element being started is a script: its attributes are still being written. */
        private boolean script;

        ScriptNonceWriter(ResponseWriter wrapped, String nonce) {
            super(wrapped);
            this.nonce = nonce;
        }

        @Override
        public void startElement(String name, jakarta.faces.component.UIComponent component) throws java.io.IOException {
            getWrapped().startElement(name, component);
            script = "script".equalsIgnoreCase(name);
            if (script) {
                getWrapped().writeAttribute("nonce", nonce, null);
            }
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws java.io.IOException {
            if (!script || !"nonce".equalsIgnoreCase(name)) { // a script's is written already, with this request's value
                getWrapped().writeAttribute(name, value, property);
            }
        }

        @Override
        public ResponseWriter cloneWithWriter(Writer writer) {
            return new ScriptNonceWriter(getWrapped().cloneWithWriter(writer), nonce);
        }
    }
}
