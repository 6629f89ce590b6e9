/** Sign-in, sign-out, password reset, sign-up and the role guard, wired to Shiro. */
package io.marque.portal.web.security;
