# An app registration that authenticates with a client secret. Keep the
# secret out of the code: pass it as a sensitive variable (TF_VAR_client_secret)
# or leave client_secret out and set ARM_CLIENT_SECRET.
variable "client_secret" {
  type      = string
  sensitive = true
}

provider "industrydata" {
  tenant_id     = "00000000-0000-0000-0000-000000000000"
  client_id     = "11111111-1111-1111-1111-111111111111"
  client_secret = var.client_secret
}
