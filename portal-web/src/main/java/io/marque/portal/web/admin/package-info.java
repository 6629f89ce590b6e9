/** The provider's console ({@code /admin}): resellers and their domains, provider staff, activity. */
package io.marque.portal.web.admin;
