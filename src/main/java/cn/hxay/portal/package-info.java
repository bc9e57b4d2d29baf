/**
 * The start page after login: the user's unit and an overview of the schools in their
 * scope.
 */
package cn.hxay.portal;
