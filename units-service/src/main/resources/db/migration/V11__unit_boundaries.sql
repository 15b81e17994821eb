-- A unit's boundary on the map (GeoJSON geometry: Polygon or MultiPolygon, WGS 84 longitude/latitude), uploaded by the
-- office above it for its dashboard's map. Kept beside the unit, not in it: units are read often, outlines seldom.
create table unit_boundary (
    unit_id    uuid primary key references unit (id),
    geometry   jsonb        not null,
    updated_at timestamptz  not null,
    updated_by varchar(255) not null
);
