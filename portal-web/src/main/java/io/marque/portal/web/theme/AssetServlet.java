package io.marque.portal.web.theme;

import io.marque.portal.tenant.Asset;
import io.marque.portal.tenant.BrandingService;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.Theme;
import io.marque.portal.web.filter.SecurityHeaders;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a tenant's look on its own host under neutral paths named by a content hash:
 * {@code /assets/<hash>/theme.css} (the theme chain's stylesheets), {@code /assets/<hash>/brand.css}
 * (the tenant's colours and custom CSS), {@code /assets/<hash>/logo} and {@code /assets/<hash>/img/…}.
 * A URL whose hash is current is cached for a year; an old hash still gets the current file, uncached.
 */
@WebServlet("/assets/*")
public class AssetServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("^/([0-9a-f]{12})/(theme\\.css|brand\\.css|logo|img/[a-z0-9._-]{1,64})$");
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg",
            "image/jpeg", "gif", "image/gif", "webp", "image/webp", "svg", "image/svg+xml", "ico", "image/x-icon");
    private static final int CACHE_LIMIT = 2000;

    private record Body(String type, byte[] bytes) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Themes themes;

    @Inject
    BrandingService branding;

    private final Map<String, Body> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        TenantSnapshot tenant = currentTenant.get();
        Theme theme = themes.of(tenant);
        String hash = path.group(1);
        String file = path.group(2);
        boolean brandFile = file.equals("brand.css") || file.equals("logo");
        String current = brandFile ? tenant.brandHash() : theme.contentHash();
        Optional<Body> body = Optional.ofNullable(cache.get(tenant.id() + "/" + current + "/" + file))
                .or(() -> build(tenant, theme, file).map(b -> remember(tenant.id() + "/" + current + "/" + file, b)));
        if (body.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + current + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", hash.equals(current) ? "public, max-age=31536000, immutable" : "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(body.get().type());
        SecurityHeaders.forFile(response);
        response.setContentLength(body.get().bytes().length);
        response.getOutputStream().write(body.get().bytes());
    }

    private Body remember(String key, Body body) {
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, body);
        return body;
    }

    private Optional<Body> build(TenantSnapshot tenant, Theme theme, String file) {
        switch (file) {
            case "theme.css" -> {
                ByteArrayOutputStream css = new ByteArrayOutputStream();
                for (byte[] sheet : theme.stylesheets()) {
                    css.writeBytes(sheet);
                    css.write('\n');
                }
                return Optional.of(new Body("text/css;charset=UTF-8", css.toByteArray()));
            }
            case "brand.css" -> {
                String css = ":root{--m-primary:" + tenant.colorPrimary() + ";--m-accent:" + tenant.colorAccent() + ";}\n"
                        + tenant.customCss();
                return Optional.of(new Body("text/css;charset=UTF-8", css.getBytes(StandardCharsets.UTF_8)));
            }
            case "logo" -> {
                if (tenant.logoHash() != null) {
                    Optional<Asset> logo = branding.logo(tenant.id(), tenant.logoHash());
                    if (logo.isPresent()) {
                        return Optional.of(new Body(logo.get().getContentType(), logo.get().getBytes()));
                    }
                }
                return theme.resource("img/logo.svg").map(bytes -> new Body("image/svg+xml", bytes));
            }
            default -> {
                String extension = file.substring(file.lastIndexOf('.') + 1);
                String type = TYPES.get(extension);
                return type == null ? Optional.empty() : theme.resource(file).map(bytes -> new Body(type, bytes));
            }
        }
    }
}
