/**
 * The build's side of the API contract: completing the OpenAPI document generated from the resources of
 * {@code web.api}. Not deployed (the WAR leaves this package out).
 */
package io.marque.portal.web.api.contract;
