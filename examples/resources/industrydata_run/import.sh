# A run is imported by its id, the GUID that Graph gives it.
terraform import industrydata_run.example 7c3e0f52-1a4b-4b8e-9f0d-2f6a8d5e4c31
