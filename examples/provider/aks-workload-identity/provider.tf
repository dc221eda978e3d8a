# Azure Workload Identity on AKS: the pod runs as a Kubernetes service account
# federated with a managed identity (or app registration). The webhook puts
# AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE into the
# pod, and the provider takes them from there; ARM_USE_AKS_WORKLOAD_IDENTITY=true
# does the same as this block.
provider "industrydata" {
  use_aks_workload_identity = true
}
