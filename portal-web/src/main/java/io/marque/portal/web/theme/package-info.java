/** The tenant's look on every page: theme and brand assets, wording in the reader's language. */
package io.marque.portal.web.theme;
