# The cluster issues service account tokens that Entra can trust.
az aks update --resource-group sds --name sds-cluster --enable-oidc-issuer --enable-workload-identity
issuer=$(az aks show --resource-group sds --name sds-cluster --query oidcIssuerProfile.issuerUrl -o tsv)

# A user-assigned identity (give it the Graph permissions as above) that
# trusts the service account terraform in the namespace sds.
az identity create --resource-group sds --name sds-terraform
client_id=$(az identity show --resource-group sds --name sds-terraform --query clientId -o tsv)
az identity federated-credential create --resource-group sds --identity-name sds-terraform \
  --name aks-sds-terraform --issuer "$issuer" \
  --subject system:serviceaccount:sds:terraform --audiences api://AzureADTokenExchange

# The service account names the identity; pods that run Terraform use it and
# carry the label azure.workload.identity/use: "true".
kubectl create serviceaccount terraform --namespace sds
kubectl annotate serviceaccount terraform --namespace sds azure.workload.identity/client-id="$client_id"
