# A self-signed certificate for the app (or use one from your PKI), valid for
# one year. Entra keeps the public part; Terraform needs the private key too.
openssl req -x509 -newkey rsa:2048 -sha256 -days 365 -nodes -subj "/CN=sds-terraform" \
  -keyout sds-terraform.key -out sds-terraform.crt
az ad app credential reset --id "$client_id" --append --cert @sds-terraform.crt

# For client_certificate_path: one PEM file with the key and the certificate...
cat sds-terraform.key sds-terraform.crt > sds-automation.pem
# ...or a password-protected PKCS#12 file. The provider reads PKCS#12 with
# SHA-1/3DES encryption: OpenSSL 3's default (AES) is refused, hence the flags.
openssl pkcs12 -export -inkey sds-terraform.key -in sds-terraform.crt -out sds-automation.pfx \
  -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1 -passout env:ARM_CLIENT_CERTIFICATE_PASSWORD

# For client_certificate (inline, e.g. from a secret store): the same file in base64.
base64 -w0 sds-automation.pfx > sds-automation.pfx.b64 # macOS: base64 -i sds-automation.pfx
rm sds-terraform.key
