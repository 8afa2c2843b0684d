#pragma once

#include <QStringList>

#include <vector>

namespace loyalty {

// One numbered step of the schema; applied in its own transaction, never edited once released.
struct Migration
{
    int version = 0;
    QString summary;
    QStringList statements;
};

// Every migration, in order; the last one's version is the schema version this code writes.
const std::vector<Migration>& allMigrations();
int currentSchemaVersion();

}  // namespace loyalty
