-- authenticator secrets are stored encrypted (SecretBox, "v1:" + Base64 of nonce, ciphertext and tag),
-- longer than the plain Base32 they replace; plain ones are read and encrypted again at the next use
alter table app_user alter column totp_secret set data type varchar(200);
