-- One database per service, and Keycloak's own.
create database units encoding 'UTF8';
create database tasks encoding 'UTF8';
create database agreements encoding 'UTF8';
create database keycloak encoding 'UTF8';
\connect units
create extension if not exists pg_trgm;
