-- The public query and the enforcement index find a service by any of its domains, not only the first one
-- (legacy websites were filed with several). GIN keeps `domains @> ARRAY[$1]` and `domains && $1` off a full scan.
CREATE INDEX filed_services_domains_idx ON filed_services USING gin (domains);
