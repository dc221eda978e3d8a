# The project's fake Microsoft Graph on this machine (see the getting-started
# guide). Plain http is accepted for loopback hosts only; the fake serves
# https with a self-signed certificate, trusted through SSL_CERT_FILE.
# graph_endpoint also points the provider at a proxy in front of Graph.
variable "fake_url" {
  description = "The fake's base URL, e.g. https://127.0.0.1:43117 (its info file's \"url\")."
  type        = string
}

variable "fake_client_secret" {
  description = "The fake's client secret (its info file's \"client_secret\")."
  type        = string
  sensitive   = true
}

provider "industrydata" {
  tenant_id      = "00000000-0000-0000-0000-0000000000aa"
  client_id      = "11111111-1111-1111-1111-1111111111bb"
  client_secret  = var.fake_client_secret
  graph_endpoint = "${var.fake_url}/beta"
  authority_host = "${var.fake_url}/"
}
