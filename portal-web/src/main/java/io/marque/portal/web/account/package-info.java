/** Pages every signed-in user has, and the staff and activity pages the reseller and provider areas share. */
package io.marque.portal.web.account;
