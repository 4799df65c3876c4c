DROP TABLE entitlement;
DROP TABLE policy_pack_revision;
