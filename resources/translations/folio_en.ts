<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<!-- English plural forms for the strings that show a count (%n). Another language is added
     as folio_<language>.ts next to this file (or its .qm in the user's data folder,
     translations/), compiled with: pyside6-lrelease folio_<language>.ts -->
<context>
    <name>StagePage</name>
    <message numerus="yes">
        <source>It is linked to %n other item(s).</source>
        <translation>
            <numerusform>It is linked to %n other item.</numerusform>
            <numerusform>It is linked to %n other items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is mapped as evidence to %n marking point(s).</source>
        <translation>
            <numerusform>It is mapped as evidence to %n marking point.</numerusform>
            <numerusform>It is mapped as evidence to %n marking points.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message numerus="yes">
        <source>%n change(s), newest first. Times are UTC.</source>
        <translation>
            <numerusform>%n change, newest first. Times are UTC.</numerusform>
            <numerusform>%n changes, newest first. Times are UTC.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unused file(s) removed</source>
        <translation>
            <numerusform>%n unused file removed</numerusform>
            <numerusform>%n unused files removed</numerusform>
        </translation>
    </message>
</context>
</TS>
