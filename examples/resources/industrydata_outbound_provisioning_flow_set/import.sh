# A flow set is imported by its id, the GUID that Graph gives it (the
# industrydata_outbound_provisioning_flow_sets data source lists them); its
# flows come with it.
terraform import industrydata_outbound_provisioning_flow_set.schools 5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f
